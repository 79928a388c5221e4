package cn.wushe.registry.internal;

/** What a resident may ask to have corrected in their own record (更正申请). */
public enum CorrectableField {
    NAME("姓名"), ID_NUMBER("证件号码"), PHONE("联系电话"), ADDRESS("详细地址"), HEALTH("健康状况"),
    CATEGORY("困难类别"), FAMILY("家庭成员、赡养/扶养人"), CONTACT("联系人"), OTHER("其他");

    private final String label;

    CorrectableField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
