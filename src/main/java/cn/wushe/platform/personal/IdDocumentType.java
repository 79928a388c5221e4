package cn.wushe.platform.personal;

import cn.wushe.platform.Messages;

/** The kinds of identity document a person may be registered with (证件类型), each with its own format. */
public enum IdDocumentType {
    /** 居民身份证, GB 11643. */
    RESIDENT_ID,
    /** 港澳居民居住证: 810000 (Hong Kong) or 820000 (Macao) + birth date + sequence + check. */
    HK_MACAO_RESIDENCE_PERMIT,
    /** 台湾居民居住证: 830000 + birth date + sequence + check. */
    TAIWAN_RESIDENCE_PERMIT,
    /** 外国人永久居留身份证: new 18-character form starting with 9, or the old 15-character form. */
    FOREIGNER_PERMANENT_RESIDENCE;

    public String label() {
        return Messages.text("platform.id-document." + name());
    }

    public String numberLabel() {
        return Messages.text("platform.id-document.number." + name());
    }
}
