package cn.wushe.identity;

import java.util.UUID;

/**
 * Someone submitted a sign-up with a phone number that already has a live sign-up. The form gives
 * the same answer as for a new number (no enumeration); this event is where the holder of the
 * number can be told by text message ("someone tried to register with your number") once the
 * notifications module carries a gateway.
 */
public record SignUpRepeated(UUID existingUserId) {
}
