package org.reclaim.runtime.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseRecorder;

/**
 * The owners a frame counts (so that a frame without any ends without looking at its entries)
 * and the direct drop-glue loop: the count after each operation, the drop order, and the glue's
 * exact counters; in checked mode, the stack of loans.
 */
class OwnerTrackingTest {
    private static final int LEFT = 0, RIGHT = 1;

    private Ownership m;
    private PauseRecorder pauses;
    private Steps steps;
    private int node, rcNode;

    private void start(String manager) {
        pauses = new PauseRecorder(Long.MAX_VALUE);
        m = manager.equals("ownership") ? new CheckedOwnership(1 << 23, pauses) : new Ownership(1 << 23, pauses);
        steps = new Steps(m);
        node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        // struct RcNode { next: Option<Rc<RcNode>>, back: Weak<RcNode>, value: i64 }
        rcNode = m.shapes().define("RcNode", 1, SlotKind.SHARED, SlotKind.WEAK);
    }

    private long counter(String name) { return m.counters().get(name); }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void theTrackedOwnersFollowAllocMovePutAndScopeEnds(String manager) {
        start(manager);
        int a, b, c, x;
        int[] d = new int[4];
        try (Scope outer = m.scope()) {
            int ha = m.alloc(node, 0);
            int hb = m.alloc(node, 0);
            int hc = m.alloc(node, 0);
            a = m.id(ha);
            b = m.id(hb);
            c = m.id(hc);
            int r = m.borrow(ha);                               // a borrow owns nothing
            assertThat(m.frameOwners()).isEqualTo(3);
            m.drop(r);
            m.put(ha, LEFT, hb);                                // b moves into a
            assertThat(m.frameOwners()).isEqualTo(2);
            for (int k = 0; k < d.length; k++) d[k] = m.id(m.alloc(node, 0));
            assertThat(m.frameOwners()).isEqualTo(6);
            m.put(ha, RIGHT, hc);
            assertThat(m.frameOwners()).isEqualTo(5);
            try (Scope inner = m.scope()) {
                int hx = m.alloc(node, 0);
                x = m.id(hx);
                assertThat(m.frameOwners()).isEqualTo(1);
                m.move(ha);                                     // a moves from the outer frame into the inner one
                assertThat(m.frameOwners()).isEqualTo(2);
            }                                                   // drops the moved a (its tree), then x
            assertThat(steps.order()).containsExactly(b, c, a, x);
            assertThat(m.frameOwners()).as("the four d").isEqualTo(4);
            assertThat(pauses.pauseCount()).isEqualTo(1);
        }                                                       // drops the four, last first
        assertThat(steps.order()).containsExactly(b, c, a, x, d[3], d[2], d[1], d[0]);
        assertThat(m.frameOwners()).isZero();
        assertThat(pauses.pauseCount()).isEqualTo(2);
        assertThat(m.leaks()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void aReturnedOwnerIsTrackedInTheCallersFrameAndTheCalleeEndsWithNone(String manager) {
        start(manager);
        int n, l, kept;
        try (Scope main = m.scope()) {
            int k = m.alloc(node, 0);
            kept = m.id(k);
            int body = m.enter();                               // fn make() -> Box<Node> {
            int hl = m.alloc(node, 0);
            int hn = m.alloc(node, 0);
            l = m.id(hl);
            n = m.id(hn);
            m.put(hn, LEFT, hl);                                //   n.left = Some(l);
            int r = m.ret(body, hn);                            //   n }
            assertThat(steps.order()).as("the callee dropped nothing").isEmpty();
            assertThat(m.frameOwners()).as("kept and the returned n").isEqualTo(2);
            m.drop(r);                                          // drop(make());
            assertThat(steps.order()).containsExactly(l, n);
            assertThat(m.frameOwners()).isEqualTo(1);
        }
        assertThat(steps.order()).containsExactly(l, n, kept);
        assertThat(m.frameOwners()).isZero();
    }

    /** Owners of a frame are dropped last declared first, each completely, Rc and Weak included. */
    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void aScopeEndDropsItsOwnersLastDeclaredFirstAcrossKinds(String manager) {
        start(manager);
        int t, tl, r1, r2, solo;
        try (Scope s = m.scope()) {
            int tree = m.alloc(node, 0);                        // let tree = Box::new(Node { left: Some(..), .. });
            t = m.id(tree);
            int left = m.alloc(node, 0);
            tl = m.id(left);
            m.put(tree, LEFT, left);
            int first = m.allocShared(rcNode, 0);               // let first = Rc::new(RcNode::default());
            r1 = m.id(first);
            int second = m.allocShared(rcNode, 0);              // let second = Rc::new(..);
            r2 = m.id(second);
            m.put(second, 0, m.share(first));                   // second.next = Some(Rc::clone(&first));
            m.put(first, 1, m.downgrade(second));               // first.back = Rc::downgrade(&second);
            m.downgrade(first);                                 // let w = Rc::downgrade(&first);
            int last = m.alloc(node, 0);                        // let last = Box::new(..);
            solo = m.id(last);
            assertThat(m.frameOwners()).as("tree, first, second, w, last: the clones moved into slots are not").isEqualTo(5);
        }                                                       // drops last, w, second, first, tree
        // last is freed; w: first's weak count 1 -> 0; second: strong 1 -> 0, its next releases
        // first (strong 2 -> 1), its block waits for first.back (DROPPED); first: strong 1 -> 0,
        // its back releases second's last weak, which frees second's block, then first's block;
        // tree: its left, then itself.
        assertThat(steps.order()).containsExactly(solo, r2, r1, tl, t);
        assertThat(m.leaks()).isEmpty();
        assertThat(counter("objects.dropped")).isEqualTo(5);
        assertThat(counter("rc.strong.decrements")).isEqualTo(3);
        assertThat(counter("rc.weak.decrements")).isEqualTo(2);
        assertThat(m.frameOwners()).isZero();
    }

    /** The direct loop's counters: one step per reference released, one per value deallocated. */
    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void dropGlueOverAFullTreeCountsExactly(String manager) {
        start(manager);
        try (Scope s = m.scope()) {
            int root = tree(3);                                 // 15 nodes, 8 leaves
            m.drop(root);
        }
        assertThat(steps.order()).hasSize(15);
        assertThat(counter("objects.dropped")).isEqualTo(15);
        assertThat(counter("dropglue.steps")).isEqualTo(30);
        assertThat(counter("dropglue.slots.scanned")).isEqualTo(30);
        assertThat(pauses.pauseCount()).isEqualTo(1);
        assertThat(pauses.pauseObjects(0)).isEqualTo(15);
    }

    /** A tree of {@code depth} levels below its root, built bottom-up (post-order ids: children before parents). */
    private int tree(int depth) {
        int body = m.enter();
        int n = m.alloc(node, 0);
        if (depth > 0) {
            m.put(n, LEFT, tree(depth - 1));
            m.put(n, RIGHT, tree(depth - 1));
        }
        return m.ret(body, n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void aLongListDropsIterativelyHeadFirst(String manager) {
        start(manager);
        int cells = 100_000;
        int head;
        try (Scope s = m.scope()) {
            int list = m.alloc(node, 0);
            head = m.id(list);
            for (int i = 1; i < cells; i++) {
                int cell = m.alloc(node, 0);
                m.put(cell, LEFT, list);                        // cell.next = Some(list);
                list = cell;
            }
            assertThat(m.frameOwners()).isEqualTo(1);
        }
        assertThat(steps.order()).hasSize(cells);
        assertThat(steps.order().get(0)).as("the first cell allocated is the deepest").isEqualTo(head);
        assertThat(counter("dropglue.steps")).isEqualTo(2L * cells);
    }

    /** A frame that ended by an error leaves its owners undropped (as before); the next frames do not see them. */
    @ParameterizedTest
    @ValueSource(strings = {"ownership"})
    void aFrameEndedByE0597LeavesItsOwnersAndTheOuterFrameDropsOnlyItsOwn(String manager) {
        start(manager);
        int outerId, innerId, laterId;
        try (Scope main = m.scope()) {
            int o = m.alloc(node, 0);
            outerId = m.id(o);
            int[] inner = new int[1];
            MemoryFault f = catchThrowableOfType(MemoryFault.class, () -> {
                try (Scope block = m.scope()) {
                    int x = m.alloc(node, 0);
                    inner[0] = m.id(x);
                    m.alloc(node, 0);
                    m.ret(m.borrow(x));                         // r = &x;  } // E0597
                }
            });
            assertThat(f.code()).isEqualTo("E0597");
            assertThat(m.frameOwners()).isEqualTo(1);
            innerId = inner[0];
            try (Scope later = m.scope()) {
                assertThat(m.frameOwners()).as("nothing left from the abandoned frame").isZero();
                int y = m.alloc(node, 0);
                laterId = m.id(y);
            }
            assertThat(steps.order()).containsExactly(laterId);
        }
        assertThat(steps.order()).containsExactly(laterId, outerId);
        assertThat(m.leaks()).extracting(Leak::id).contains(innerId).hasSize(2);
    }

    /** Checked mode keeps the entries holding a loan on a stack: a scope's end ends only its own. */
    @ParameterizedTest
    @ValueSource(strings = {"ownership"})
    void theTrackedLoansFollowBorrowsDropsReturnsAndScopeEnds(String manager) {
        start(manager);
        CheckedOwnership c = (CheckedOwnership) m;
        try (Scope main = m.scope()) {
            int x = m.alloc(node, 0);
            m.name(x, "x");
            int r1 = m.borrow(x);                               // let r1 = &x;
            int r2 = m.borrow(x);                               // let r2 = &x;
            assertThat(c.trackedLoans()).isEqualTo(2);
            m.drop(r2);                                         // its loan ends; the entry stays tracked
            assertThat(c.trackedLoans()).isEqualTo(2);
            int out;
            try (Scope inner = m.scope()) {
                m.borrow(r1);                                   // a reborrow: a loan of x too
                assertThat(c.trackedLoans()).isEqualTo(3);
                out = m.ret(m.borrow(x));                       // out = &x, returned to main's frame
            }
            assertThat(c.trackedLoans()).isEqualTo(3);
            MemoryFault f = catchThrowableOfType(MemoryFault.class, () -> m.borrowMut(x));
            assertThat(f.code()).isEqualTo("E0502");
            m.drop(r1);
            assertThat(catchThrowableOfType(MemoryFault.class, () -> m.borrowMut(x)).code())
                    .as("out still holds its loan").isEqualTo("E0502");
            m.drop(out);
            m.drop(m.borrowMut(x));                             // no loan left: legal
        }
        assertThat(c.trackedLoans()).isZero();
        assertThat(m.leaks()).isEmpty();
    }
}
