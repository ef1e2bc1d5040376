package io.github.dfxclient.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The interleaved method both overhead harnesses share: blocks of side a and side b alternate in one
 * JVM (alternating which goes first), each block timed in process CPU and wall time, and the result
 * is the median over blocks and the median of the per-block ratios b/a.
 *
 * <p>Warm-up runs until the JIT is quiet: at least {@code bench.warmupBlocks} pairs of blocks, then
 * more while a pair still saw the JIT compile for more than {@code bench.jitQuietMillis} (default
 * 10 ms), up to {@code bench.maxWarmupBlocks} pairs. Process CPU counts the compiler threads, so a
 * side whose code is still being compiled would be charged for it: the side with more code (the
 * engine) paid for up to 2.3 s of compilation inside its blocks when warm-up was a fixed 6 pairs.
 * The compilation time that still fell inside the measured blocks is reported with the result.
 *
 * <p>CPU time is read per thread in nanoseconds where Linux offers it ({@link #cpuByThread}).
 */
final class Interleaved {
  static final int WARMUP_BLOCKS = Integer.getInteger("bench.warmupBlocks", 6);
  static final int MAX_WARMUP_BLOCKS = Integer.getInteger("bench.maxWarmupBlocks", 60);
  static final long JIT_QUIET_MILLIS = Long.getLong("bench.jitQuietMillis", 10);
  static final int BLOCKS = Integer.getInteger("bench.blocks", 20);

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private Interleaved() {}

  /** One measured side: one block of calls. */
  @FunctionalInterface
  interface Side {
    void run() throws Exception;
  }

  /**
   * @param name the comparison
   * @param aCpuUs median CPU microseconds per call of side a (process CPU: every thread)
   * @param bCpuUs the same for side b
   * @param aWallUs median wall microseconds per call of side a
   * @param bWallUs the same for side b
   * @param cpuRatio median of the per-block CPU ratios b/a
   * @param wallRatio median of the per-block wall ratios b/a
   * @param warmupPairs pairs of blocks run before measuring
   * @param jitMillis JIT compilation time that fell inside the measured blocks
   */
  record Result(String name, double aCpuUs, double bCpuUs, double aWallUs, double bWallUs, double cpuRatio,
      double wallRatio, int warmupPairs, long jitMillis) {
    /**
     * @return a Markdown table row: name, CPU and wall per call of both sides, their ratios, the
     *     warm-up pairs and the JIT time inside the measured blocks
     */
    String row() {
      return String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %.3f | %.1f | %.1f | %.3f | %d | %d |", name,
          aCpuUs, bCpuUs, cpuRatio, aWallUs, bWallUs, wallRatio, warmupPairs, jitMillis);
    }
  }

  /**
   * @param name the comparison
   * @param a the baseline side
   * @param b the measured side
   * @param calls calls per block (for the per-call figures)
   * @return the medians and ratios
   * @throws Exception when a block fails
   */
  static Result measure(String name, Side a, Side b, int calls) throws Exception {
    System.err.println("measuring: " + name);
    int warmup = warmUp(a, b);
    double[] aCpu = new double[BLOCKS];
    double[] bCpu = new double[BLOCKS];
    double[] aWall = new double[BLOCKS];
    double[] bWall = new double[BLOCKS];
    long jitBefore = JIT.getTotalCompilationTime();
    for (int k = 0; k < BLOCKS; k++) {
      // alternate which side goes first, so neither always meets a warmer machine
      boolean aFirst = k % 2 == 0;
      for (int j = 0; j < 2; j++) {
        boolean isA = (j == 0) == aFirst;
        System.gc();
        java.util.Map<String, Long> cpu = cpuByThread();
        long wall = System.nanoTime();
        (isA ? a : b).run();
        double cpuUs = cpuSince(cpu) / 1000.0 / calls;
        double wallUs = (System.nanoTime() - wall) / 1000.0 / calls;
        if (isA) {
          aCpu[k] = cpuUs;
          aWall[k] = wallUs;
        } else {
          bCpu[k] = cpuUs;
          bWall[k] = wallUs;
        }
      }
    }
    long jitMillis = JIT.getTotalCompilationTime() - jitBefore;
    double[] cpuRatios = new double[BLOCKS];
    double[] wallRatios = new double[BLOCKS];
    for (int k = 0; k < BLOCKS; k++) {
      cpuRatios[k] = bCpu[k] / aCpu[k];
      wallRatios[k] = bWall[k] / aWall[k];
    }
    return new Result(name, median(aCpu), median(bCpu), median(aWall), median(bWall), median(cpuRatios),
        median(wallRatios), warmup, jitMillis);
  }

  /**
   * Runs the sides in turn until the JIT is quiet (see the class comment).
   *
   * @param sides the sides, each run once per round
   * @return the rounds run
   * @throws Exception when a block fails
   */
  static int warmUp(Side... sides) throws Exception {
    int rounds = 0;
    while (rounds < MAX_WARMUP_BLOCKS) {
      long jit = JIT.getTotalCompilationTime();
      for (Side side : sides) {
        side.run();
      }
      rounds++;
      if (rounds >= WARMUP_BLOCKS && JIT.getTotalCompilationTime() - jit <= JIT_QUIET_MILLIS) {
        break;
      }
    }
    return rounds;
  }

  private static final java.nio.file.Path TASKS = java.nio.file.Path.of("/proc/self/task");

  /**
   * The CPU time of every thread of this process, nanoseconds, by thread: on Linux from each
   * thread's {@code /proc/self/task/<tid>/schedstat} (nanoseconds on a CPU, compiler and GC threads
   * included), since the process CPU time the JVM reports moves in 10 ms ticks, 3 % of a 300 ms
   * block; elsewhere the JVM's process CPU time under one key.
   *
   * @return CPU nanoseconds so far by thread
   */
  static java.util.Map<String, Long> cpuByThread() {
    java.util.Map<String, Long> cpu = new java.util.HashMap<>();
    String[] tids = TASKS.toFile().list();
    if (tids == null) {
      cpu.put("process", OS.getProcessCpuTime());
      return cpu;
    }
    for (String tid : tids) {
      try {
        String stat = java.nio.file.Files.readString(TASKS.resolve(tid).resolve("schedstat"));
        cpu.put(tid, Long.parseLong(stat.substring(0, stat.indexOf(' '))));
      } catch (java.io.IOException | RuntimeException ended) {
        // the thread ended meanwhile
      }
    }
    return cpu;
  }

  /**
   * @param before {@link #cpuByThread()} at the start
   * @return the CPU nanoseconds spent since then by the threads alive now (a thread that ended
   *     meanwhile is not counted; one that started is counted whole)
   */
  static long cpuSince(java.util.Map<String, Long> before) {
    long spent = 0;
    for (java.util.Map.Entry<String, Long> e : cpuByThread().entrySet()) {
      spent += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return spent;
  }

  /** @return the JIT's total compilation time so far, milliseconds */
  static long jitMillis() {
    return JIT.getTotalCompilationTime();
  }

  /** The header of {@link Result#row()}'s table. */
  static final String HEADER = "| comparison | a CPU us/call | b CPU us/call | CPU ratio b/a | a wall us/call"
      + " | b wall us/call | wall ratio b/a | warm-up pairs | JIT ms in blocks |\n|---|---|---|---|---|---|---|---|---|";

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
