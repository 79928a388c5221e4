package cn.wushe.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves account phone numbers stored in clear before V4_52 into their encrypted column and blind
 * index, at every start (a no-op once done): the migration itself cannot encrypt, the key is the
 * application's.
 */
@Component
@Order(5)
class UserPhoneEncryption implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(UserPhoneEncryption.class);

    private final UserAccounts accounts;
    private final TransactionTemplate transaction;

    UserPhoneEncryption(UserAccounts accounts, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer moved = transaction.execute(status -> accounts.encryptClearPhones());
        if (moved != null && moved > 0) {
            LOG.info("Encrypted the phone numbers of {} accounts stored in clear", moved);
        }
    }
}
