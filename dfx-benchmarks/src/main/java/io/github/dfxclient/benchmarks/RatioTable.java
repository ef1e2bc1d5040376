package io.github.dfxclient.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Prints JMH results as a table with each benchmark's ratio to its baseline measured in the same
 * run: a benchmark named {@code x_adapter} is compared with {@code x_raw}. Time ratio is the cost
 * ratio (adapter time / raw time; for throughput raw ops / adapter ops), so 1.05 means 5 % slower;
 * allocation ratio compares {@code gc.alloc.rate.norm} (bytes per operation).
 */
public final class RatioTable {
  private RatioTable() {}

  /**
   * @param results JMH's results
   * @param out where to print
   */
  public static void print(Collection<RunResult> results, PrintStream out) {
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult r : results) {
      byName.put(name(r), r);
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"benchmark", "mode", "thr", "score", "error", "units", "B/op", "time ratio", "alloc ratio"});
    for (Map.Entry<String, RunResult> e : byName.entrySet()) {
      RunResult r = e.getValue();
      Result<?> primary = r.getPrimaryResult();
      String mode = r.getParams().getMode().shortLabel();
      String timeRatio = "";
      String allocRatio = "";
      if (e.getKey().endsWith("_adapter")) {
        RunResult base = byName.get(e.getKey().substring(0, e.getKey().length() - "_adapter".length()) + "_raw");
        if (base != null) {
          double a = primary.getScore();
          double b = base.getPrimaryResult().getScore();
          double ratio = mode.equals("thrpt") ? b / a : a / b;
          timeRatio = String.format(Locale.ROOT, "%.3f", ratio);
          double aa = alloc(r);
          double ba = alloc(base);
          if (aa > 0 && ba > 0) {
            allocRatio = String.format(Locale.ROOT, "%.3f", aa / ba);
          }
        }
      }
      rows.add(new String[] {e.getKey(), mode, Integer.toString(r.getParams().getThreads()),
          String.format(Locale.ROOT, "%.3f", primary.getScore()),
          String.format(Locale.ROOT, "%.3f", primary.getScoreError()), primary.getScoreUnit(),
          alloc(r) > 0 ? String.format(Locale.ROOT, "%.0f", alloc(r)) : "", timeRatio, allocRatio});
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (int k = 0; k < rows.size(); k++) {
      StringBuilder line = new StringBuilder("|");
      for (int i = 0; i < widths.length; i++) {
        line.append(' ').append(String.format("%-" + widths[i] + "s", rows.get(k)[i])).append(" |");
      }
      out.println(line);
      if (k == 0) {
        StringBuilder sep = new StringBuilder("|");
        for (int w : widths) {
          sep.append("-".repeat(w + 2)).append('|');
        }
        out.println(sep);
      }
    }
  }

  private static String name(RunResult r) {
    String full = r.getParams().getBenchmark();
    return full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
  }

  private static double alloc(RunResult r) {
    Result<?> norm = r.getSecondaryResults().get("·gc.alloc.rate.norm");
    if (norm == null) {
      norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
    }
    return norm == null ? -1 : norm.getScore();
  }
}
