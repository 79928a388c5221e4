package cn.wushe.platform.personal;

/** An identity document number that does not follow its format; the message is Chinese and says what is wrong. */
public class InvalidIdentityNumber extends IllegalArgumentException {

    public InvalidIdentityNumber(String message) {
        super(message);
    }
}
