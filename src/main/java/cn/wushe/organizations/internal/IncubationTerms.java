package cn.wushe.organizations.internal;

import java.util.List;

/** The codes of incubation: the evaluation checklist's items and the kinds of service logged. */
final class IncubationTerms {

    /** 治理、财务、人员、项目、登记 */
    static final List<String> CHECKLIST = List.of("GOVERNANCE", "FINANCE", "STAFF", "PROJECT", "REGISTRATION");
    /** 登记协助、能力建设、项目支持 */
    static final List<String> SERVICE_KINDS = List.of("REGISTRATION_HELP", "CAPACITY_BUILDING", "PROJECT_SUPPORT");

    /** 出壳证书; the code is stored with every issued certificate, never renamed. */
    static final cn.wushe.documents.DocumentKind CERTIFICATE =
            cn.wushe.documents.DocumentKind.certificate("INCUBATION_CERTIFICATE");

    private IncubationTerms() {
    }
}
