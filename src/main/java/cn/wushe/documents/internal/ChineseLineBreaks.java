package cn.wushe.documents.internal;

import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * 避头尾 (GB/T 15834 typesetting): no line starts with a closing mark such as 、，。）, and none
 * ends with an opening one such as （《. OpenPDF breaks after any CJK character otherwise.
 */
final class ChineseLineBreaks extends DefaultSplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    private static final String NO_LINE_START = "、，。．：；！？）》」』】〕〉…—％·,.;:!?)]}%";
    private static final String NO_LINE_END = "（《「『【〔〈([{“‘";

    private ChineseLineBreaks() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        if (NO_LINE_END.indexOf(getCurrentCharacter(current, cc, ck)) >= 0) {
            return false;
        }
        if (current + 1 < end && NO_LINE_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
