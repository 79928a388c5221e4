package cn.wushe.documents;

import java.util.List;

/**
 * What only the PDF shows, beside the public claims: the holder's full name, the body text and a
 * table of particulars. Stored encrypted, never shown on the verification page.
 *
 * @param holderName the holder's full name, printed as the addressee
 * @param paragraphs the body, one paragraph each
 * @param particulars label–value rows under the body (姓名, 证件号码 (masked), 所在社区 …)
 */
public record PrintedContent(String holderName, List<String> paragraphs, List<Particular> particulars) {

    public record Particular(String label, String value) {
    }

    public PrintedContent {
        paragraphs = List.copyOf(paragraphs);
        particulars = List.copyOf(particulars);
        if (holderName.isBlank() || paragraphs.isEmpty()) {
            throw new IllegalArgumentException("printed content needs the holder's name and a body");
        }
    }
}
