package cn.wushe.volunteering.internal;

import cn.wushe.documents.DocumentKind;
import java.util.List;

/** The honours a town or county awards, and the document kind of their certificates. */
public final class HonourTitles {

    public static final String VOLUNTEER = "EXCELLENT_VOLUNTEER";
    public static final String TEAM = "EXCELLENT_TEAM";
    public static final List<String> ALL = List.of(VOLUNTEER, TEAM);
    public static final DocumentKind CERTIFICATE = DocumentKind.certificate("VOLUNTEER_HONOUR");

    private HonourTitles() {
    }
}
