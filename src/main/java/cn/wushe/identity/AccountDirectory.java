package cn.wushe.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * The id of an account named by its username, for modules whose demo data or imports name
 * accounts (the expert pool enters the demo reviewer). Returns nothing else about the account.
 */
public interface AccountDirectory {

    Optional<UUID> idOfUsername(String username);
}
