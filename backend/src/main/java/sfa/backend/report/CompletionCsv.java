package sfa.backend.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Completion rows as CSV for Excel: UTF-8 with a byte-order mark (so Excel on Korean Windows reads
 * Hangul right), CRLF line ends, a Korean and English header, RFC 4180 quoting; a cell that starts
 * like a formula is prefixed with an apostrophe so a spreadsheet never runs it.
 */
final class CompletionCsv {

    static final String HEADER = "학교 school,학과 department,반 class,학년 grade,학기 term,아이디 username,이름 name,"
            + "단원 unit,판 version,진도(%) percent,읽은 수업 lessons read,수업 수 lessons,퀴즈 최고(%) best quiz,"
            + "퀴즈 통과 quiz passed,통과 실습 labs passed,실습 수 labs,이수 completed,이수 시각 completed at,마감 due";

    private CompletionCsv() {
    }

    static byte[] write(List<CompletionRow> rows) {
        StringBuilder b = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (CompletionRow r : rows) {
            Object[] cells = {r.school(), r.department(), r.className(), r.grade(), r.term(), r.username(), r.displayName(),
                    r.unit(), r.version() == 0 ? "" : r.version(), r.percent(), r.lessonsRead(), r.lessons(),
                    r.bestQuizPercent(), r.quizPassed() ? "Y" : "N", r.labsPassed(), r.labs(), r.completed() ? "Y" : "N",
                    r.completedAt() == null ? "" : r.completedAt(), r.due() == null ? "" : r.due()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(cell(String.valueOf(cells[i])));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
