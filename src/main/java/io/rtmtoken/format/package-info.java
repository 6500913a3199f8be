/**
 * Agora access tokens, versions 006 and 007: packing, HMAC-SHA256 signing, bounded parsing and
 * constant-time verification. Plain Java with no framework dependency.
 *
 * <p>Every integer in both formats is little-endian; strings and byte strings carry a uint16 length prefix.
 */
package io.rtmtoken.format;
