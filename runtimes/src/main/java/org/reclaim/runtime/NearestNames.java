package org.reclaim.runtime;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the valid names closest to a wrong one, by edit distance, for the one clear
 * message bad input gets (a workload, a manager, a size, a campaign key).
 */
public final class NearestNames {
    private NearestNames() {}

    /** Up to three names of {@code valid} nearest to {@code wrong}, nearest first. */
    public static List<String> nearest(String wrong, Collection<String> valid) {
        String x = wrong.toLowerCase(Locale.ROOT);
        return valid.stream()
                .sorted(Comparator.comparingInt((String v) -> distance(x, v.toLowerCase(Locale.ROOT)))
                        .thenComparing(v -> v))
                .limit(3).toList();
    }

    /**
     * One message: {@code unknown <what> 'x'; did you mean a, b? (valid: ...)}.
     */
    public static String unknown(String what, String wrong, Collection<String> valid) {
        return "unknown " + what + " '" + wrong + "'; did you mean " + String.join(", ", nearest(wrong, valid))
                + "? (valid: " + String.join(", ", valid) + ")";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
