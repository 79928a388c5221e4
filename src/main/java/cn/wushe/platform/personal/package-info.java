/**
 * Value types of personal information that every module validates and shows the same way: identity
 * numbers (GB 11643 and the residence-permit formats), phone numbers, sex, and masking.
 */
@org.springframework.modulith.NamedInterface("personal")
@org.jspecify.annotations.NullMarked
package cn.wushe.platform.personal;
