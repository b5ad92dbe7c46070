package kz.elections.violations.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 lines; a text cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
public final class Csv {

    private final Writer out;

    public Csv(Writer out) {
        this.out = out;
    }

    public void row(List<?> cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (Object cell : cells) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(cell(cell));
        }
        out.write(line.append("\r\n").toString());
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
