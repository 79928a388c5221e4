package cn.wushe.volunteering.web;

import java.util.List;

/** Roster workbooks for the import tests, written as a spreadsheet program would. */
public final class RosterFiles {

    private RosterFiles() {
    }

    /** A roster workbook of the template's header and the given rows. */
    @SafeVarargs
    public static byte[] roster(List<String>... rows) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
            org.dhatim.fastexcel.Worksheet sheet = wb.newWorksheet("志愿者");
            List<String> headers = cn.wushe.volunteering.internal.VolunteerRoster.headers();
            for (int c = 0; c < headers.size(); c++) {
                sheet.inlineString(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].size(); c++) {
                    sheet.inlineString(r + 1, c, rows[r].get(c));
                }
            }
            wb.finish();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
