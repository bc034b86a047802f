package org.reclaim.benchmarks;

/**
 * binary-trees on plain Java objects (the Computer Language Benchmarks Game's program), for the
 * host JVM's collector to manage: the native reference the simulated runs are divided by. Same
 * rules and same checksum as {@link org.reclaim.workloads.BinaryTrees}.
 */
final class NativeBinaryTrees {
    private NativeBinaryTrees() {}

    private static final int MIN_DEPTH = 4;

    /** {@code struct Node { left: Option<Box<Node>>, right: Option<Box<Node>> }} as a Java class. */
    static final class Node {
        Node left, right;

        int check() { return left == null ? 1 : 1 + left.check() + right.check(); }
    }

    /** Runs binary-trees with {@code maxDepth} and returns the sum of every check. */
    static long run(int maxDepthArg) {
        int maxDepth = Math.max(MIN_DEPTH + 2, maxDepthArg);
        long checksum = bottomUp(maxDepth + 1).check();
        Node longLived = bottomUp(maxDepth);
        for (int depth = MIN_DEPTH; depth <= maxDepth; depth += 2) {
            int iterations = 1 << (maxDepth - depth + MIN_DEPTH);
            long sum = 0;
            for (int i = 0; i < iterations; i++) sum += bottomUp(depth).check();
            checksum += sum;
        }
        return checksum + longLived.check();
    }

    private static Node bottomUp(int depth) {
        Node n = new Node();
        if (depth > 0) {
            n.left = bottomUp(depth - 1);
            n.right = bottomUp(depth - 1);
        }
        return n;
    }
}
