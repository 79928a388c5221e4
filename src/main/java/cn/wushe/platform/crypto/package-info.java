/** SM4-GCM field encryption and HMAC-SM3 blind indexes behind the platform's crypto API, with the key ring. */
@org.jspecify.annotations.NullMarked
package cn.wushe.platform.crypto;
