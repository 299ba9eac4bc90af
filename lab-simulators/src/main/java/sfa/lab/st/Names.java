package sfa.lab.st;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …?": the known names closest to a misspelt one. */
final class Names {

    private Names() {
    }

    /** Up to three candidates within a small edit distance, closest first, quoted: {@code 'MOTOR'}. */
    static List<String> closest(String wrong, Collection<String> known) {
        String w = wrong.toUpperCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, w.length() / 3 + 1));
        List<String> hits = new ArrayList<>();
        for (String k : known) {
            if (distance(w, k.toUpperCase(Locale.ROOT)) <= limit) {
                hits.add(k);
            }
        }
        hits.sort(Comparator.comparingInt((String k) -> distance(w, k.toUpperCase(Locale.ROOT))).thenComparing(k -> k));
        return hits.subList(0, Math.min(3, hits.size())).stream().map(k -> "'" + k + "'").toList();
    }

    /** Levenshtein distance with transpositions counted as one edit (MTOOR → MOTOR is 1). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
