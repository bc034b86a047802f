package org.reclaim.runtime.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;

/**
 * Drops in both modes: scope ends in reverse declaration order, drop glue in Rust's order, moves
 * into and out of slots, {@code Rc}/{@code Weak} as Rust's {@code RcBox}, and the pauses.
 */
class DropGlueTest {
    private static final int LEFT = 0, RIGHT = 1;

    private MemoryManager m;
    private PauseRecorder pauses;
    private Steps steps;
    private int node, rcNode, vec;

    private void start(String manager) {
        pauses = new PauseRecorder(Long.MAX_VALUE);
        m = Managers.find(manager).factory().create(1 << 20, pauses);
        steps = new Steps(m);
        // struct Node { left: Option<Box<Node>>, right: Option<Box<Node>>, value: i64 }
        node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        // struct RcNode { next: Option<Rc<RcNode>>, back: Weak<RcNode>, value: i64 }
        rcNode = m.shapes().define("RcNode", 1, SlotKind.SHARED, SlotKind.WEAK);
        vec = m.shapes().defineDataArray("Vec<i64>", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void threeLocalsAreFreedInReverseDeclarationOrder(String manager) {
        start(manager);
        int a, b, c;
        try (Scope s = m.scope()) {
            a = m.id(m.alloc(node, 0));                         // let a = Box::new(Node::default());
            b = m.id(m.alloc(node, 0));                         // let b = Box::new(Node::default());
            c = m.id(m.alloc(node, 0));                         // let c = Box::new(Node::default());
        }                                                       // } // drops c, b, a
        assertThat(steps.order()).containsExactly(c, b, a);
        assertThat(pauses.pauseCount()).isEqualTo(1);
        assertThat(pauses.pauseKind(0)).isEqualTo(PauseKind.DROP_GLUE);
        assertThat(pauses.pauseObjects(0)).isEqualTo(3);
    }

    /** Rust's drop glue: fields first to last, each completely, then the box's own block. */
    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void dropGlueFreesChildrenInFieldOrderBeforeTheirParent(String manager) {
        start(manager);
        int root, l, ll, lr, r;
        try (Scope s = m.scope()) {
            int t = m.alloc(node, 0);                           // let mut t = Box::new(Node::default());
            root = m.id(t);
            int left = m.alloc(node, 0);                        // let mut left = Box::new(Node::default());
            l = m.id(left);
            int x = m.alloc(node, 0);
            ll = m.id(x);
            m.put(left, LEFT, x);                               // left.left = Some(Box::new(..));
            int y = m.alloc(node, 0);
            lr = m.id(y);
            m.put(left, RIGHT, y);                              // left.right = Some(Box::new(..));
            m.put(t, LEFT, left);                               // t.left = Some(left);
            int z = m.alloc(node, 0);
            r = m.id(z);
            m.put(t, RIGHT, z);                                 // t.right = Some(Box::new(..));
            steps.at("drop(t);");
            m.drop(t);                                          // drop(t);
            steps.at("}");
        }
        assertThat(steps.order()).containsExactly(ll, lr, l, r, root);
        assertThat(steps.freedAt(root)).isEqualTo("drop(t);");
        assertThat(pauses.pauseCount()).isEqualTo(1);
        assertThat(pauses.pauseObjects(0)).isEqualTo(5);
        assertThat(m.counters().get("objects.dropped")).isEqualTo(5);
        assertThat(m.bytesFreed()).isEqualTo(m.bytesAllocated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void putDropsTheOldValueAndTakeMovesTheChildOut(String manager) {
        start(manager);
        int first, second;
        try (Scope s = m.scope()) {
            int t = m.alloc(node, 0);                           // let mut t = Box::new(Node::default());
            int a = m.alloc(node, 0);
            first = m.id(a);
            m.put(t, LEFT, a);                                  // t.left = Some(Box::new(..));
            int b = m.alloc(node, 0);
            second = m.id(b);
            steps.at("t.left = Some(second);");
            m.put(t, LEFT, b);                                  // t.left = Some(second); // the first is dropped
            try (Scope inner = m.scope()) {
                steps.at("let taken = t.left.take();");
                m.take(t, LEFT);                                // let taken = t.left.take();
                steps.at("} // end of the inner scope");
            }
            assertThat(m.isNull(t, LEFT)).isTrue();
            steps.at("}");
        }
        assertThat(steps.freedAt(first)).isEqualTo("t.left = Some(second);");
        assertThat(steps.freedAt(second)).isEqualTo("} // end of the inner scope");
        assertThat(steps.freedTwice()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void freeDoesNothingAndTheScopeEndDrops(String manager) {
        start(manager);
        int x;
        try (Scope s = m.scope()) {
            int h = m.alloc(node, 0);                           // let x = Box::new(Node::default());
            x = m.id(h);
            steps.at("free(x); // the C programmer's free");
            m.free(h);
            m.write(h, 0, 42);                                  // x.value = 42; (still ours)
            steps.at("}");
        }
        assertThat(steps.freedAt(x)).isEqualTo("}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void growFreesTheOldBlockWithoutDropGlueAndMovesTheContents(String manager) {
        start(manager);
        int old, fresh;
        try (Scope s = m.scope()) {
            int v = m.alloc(vec, 2);                            // let mut v = Vec::with_capacity(2);
            old = m.id(v);
            m.write(v, 0, 7);
            m.write(v, 1, 8);
            steps.at("v.reserve(4);");
            m.grow(m.borrowMut(v), 4);                          // v.reserve(4); (through &mut v)
            fresh = m.id(v);
            assertThat(m.read(v, 1)).isEqualTo(8);
            assertThat(m.length(v)).isEqualTo(4);
            steps.at("}");
        }
        assertThat(fresh).isNotEqualTo(old);
        assertThat(steps.freedAt(old)).isEqualTo("v.reserve(4);");
        assertThat(steps.freedAt(fresh)).isEqualTo("}");
        assertThat(steps.freedTwice()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void anRcIsFreedWhenItsLastStrongHandleIsDropped(String manager) {
        start(manager);
        int a;
        try (Scope s = m.scope()) {
            int rc = m.allocShared(rcNode, 0);                  // let a = Rc::new(RcNode::default());
            a = m.id(rc);
            int b = m.share(rc);                                // let b = Rc::clone(&a);
            steps.at("drop(a);");
            m.drop(rc);                                         // drop(a);
            steps.at("drop(b);");
            m.drop(b);                                          // drop(b);
            steps.at("}");
        }
        assertThat(steps.freedAt(a)).isEqualTo("drop(b);");
        assertThat(m.counters().get("rc.strong.decrements")).isEqualTo(2);
        assertThat(pauses.pauseCount()).as("drop(a) freed nothing: no pause").isEqualTo(1);
    }

    /** Rust's RcBox: the value goes at strong 0 (upgrade fails from then on), the block at weak 0. */
    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void aWeakKeepsTheBlockButNotTheValue(String manager) {
        start(manager);
        int a, child;
        try (Scope s = m.scope()) {
            int rc = m.allocShared(rcNode, 0);                  // let a = Rc::new(RcNode::default());
            a = m.id(rc);
            int c = m.allocShared(rcNode, 0);                   // a.next = Some(Rc::new(RcNode::default()));
            child = m.id(c);
            m.put(rc, 0, c);
            int w = m.downgrade(rc);                            // let w = Rc::downgrade(&a);
            int up = m.upgrade(w);                              // let up = w.upgrade(); // Some
            assertThat(m.isNull(up)).isFalse();
            m.drop(up);                                         // drop(up);
            steps.at("drop(a);");
            m.drop(rc);                                         // drop(a); // the value (and a.next) dropped
            assertThat(m.isNull(m.upgrade(w))).isTrue();        // w.upgrade() == None
            steps.at("drop(w);");
            m.drop(w);                                          // drop(w); // the RcBox freed
            steps.at("}");
        }
        assertThat(steps.freedAt(child)).isEqualTo("drop(a);");
        assertThat(steps.freedAt(a)).isEqualTo("drop(w);");
        assertThat(m.leaks()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void aWeakBackPointerDoesNotKeepItsTargetAlive(String manager) {
        start(manager);
        int parent, child;
        try (Scope s = m.scope()) {
            int p = m.allocShared(rcNode, 0);                   // let parent = Rc::new(RcNode::default());
            parent = m.id(p);
            int c = m.allocShared(rcNode, 0);                   // let child = Rc::new(RcNode::default());
            child = m.id(c);
            m.put(c, 1, m.downgrade(p));                        // child.back = Rc::downgrade(&parent);
            m.put(p, 0, c);                                     // parent.next = Some(child);
            steps.at("}");
        }                                                       // } // parent: strong 0, child dropped, weak 0
        assertThat(steps.order()).containsExactly(child, parent);
        assertThat(steps.freedAt(parent)).isEqualTo("}");
        assertThat(m.leaks()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void anRcCycleLeaksAndIsReported(String manager) {
        start(manager);
        int a, b;
        try (Scope s = m.scope()) {
            int x = m.allocShared(rcNode, 0);                   // let a = Rc::new(RcNode::default());
            a = m.id(x);
            int y = m.allocShared(rcNode, 0);                   // let b = Rc::new(RcNode::default());
            b = m.id(y);
            m.put(x, 0, m.share(y));                            // a.next = Some(Rc::clone(&b));
            m.put(y, 0, m.share(x));                            // b.next = Some(Rc::clone(&a));
        }                                                       // } // each count falls to 1: nothing freed
        m.finish();
        assertThat(steps.order()).isEmpty();
        assertThat(m.leaks()).extracting(Leak::id).containsExactlyInAnyOrder(a, b);
        assertThat(pauses.pauseCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void cloneCopiesOwnedChildrenAndSharesRcChildren(String manager) {
        start(manager);
        // struct Holder { boxed: Box<Node>, shared: Rc<RcNode> }
        int holder = m.shapes().define("Holder", 0, SlotKind.OWNED, SlotKind.SHARED);
        int original, boxed, shared, copy, boxedCopy;
        try (Scope s = m.scope()) {
            int h = m.alloc(holder, 0);
            original = m.id(h);
            int b = m.alloc(node, 0);
            boxed = m.id(b);
            m.write(b, 0, 5);
            m.put(h, 0, b);
            int r = m.allocShared(rcNode, 0);
            shared = m.id(r);
            m.put(h, 1, r);
            try (Scope inner = m.scope()) {
                int c = m.cloneDeep(h);                         // let c = h.clone();
                copy = m.id(c);
                int cb = m.borrow(c, 0);
                boxedCopy = m.id(cb);
                assertThat(m.read(cb, 0)).isEqualTo(5);
                assertThat(m.id(m.borrow(c, 1))).isEqualTo(shared);
                steps.at("} // the clone dropped");
            }
            steps.at("} // the original dropped");
        }
        assertThat(copy).isNotEqualTo(original);
        assertThat(boxedCopy).isNotEqualTo(boxed);
        assertThat(steps.freedAt(copy)).isEqualTo("} // the clone dropped");
        assertThat(steps.freedAt(boxedCopy)).isEqualTo("} // the clone dropped");
        assertThat(steps.freedAt(shared)).isEqualTo("} // the original dropped");
        assertThat(steps.freedAt(boxed)).isEqualTo("} // the original dropped");
        assertThat(steps.freedTwice()).isEmpty();
        assertThat(m.objectsFreed()).isEqualTo(m.objectsAllocated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted"})
    void aScopeEndThatFreesNothingIsNoPause(String manager) {
        start(manager);
        try (Scope s = m.scope()) {
            int t = m.alloc(node, 0);                           // let t = Box::new(Node::default());
            try (Scope call = m.scope()) {                      // inspect(&t);
                m.read(m.borrow(t), 0);
            }
            try (Scope call = m.scope()) {                      // let t = pass(t);
                t = m.ret(m.move(t));
            }
            assertThat(pauses.pauseCount()).isZero();
        }
        assertThat(pauses.pauseCount()).isEqualTo(1);
        assertThat(pauses.pauseWords(0)).isEqualTo(m.bytesFreed() / Long.BYTES);
    }
}
