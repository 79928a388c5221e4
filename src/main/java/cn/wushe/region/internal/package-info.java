/** The region module's implementation: the tree's queries, the grid aggregate, its repository and use cases. */
@org.jspecify.annotations.NullMarked
package cn.wushe.region.internal;
