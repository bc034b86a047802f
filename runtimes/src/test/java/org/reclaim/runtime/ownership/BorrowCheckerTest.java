package org.reclaim.runtime.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Checked mode: each error code raised at the operation that breaks the rule, with rustc's
 * wording and the variable's name, and the legal program nearby that raises nothing.
 */
class BorrowCheckerTest {
    private CheckedOwnership m;
    private Steps steps;
    private int box;

    @BeforeEach
    void setUp() {
        m = new CheckedOwnership(1 << 20, Probe.OFF);
        steps = new Steps(m);
        box = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.WEAK);
    }

    private int let(String name) {
        int h = m.alloc(box, 0);
        m.name(h, name);
        return h;
    }

    private MemoryFault fault(ThrowingCallable step) {
        MemoryFault f = catchThrowableOfType(MemoryFault.class, step);
        assertThat(f).as("a fault").isNotNull();
        assertThat(f.kind()).isEqualTo(MemoryFault.Kind.OWNERSHIP);
        return f;
    }

    // ---- E0382 ----

    @Test
    void usingAMovedValueIsE0382UseOfMovedValue() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let x = Box::new(Node::default());
            try (Scope consume = m.scope()) { m.move(x); }      // consume(x);
            MemoryFault f = fault(() -> m.move(x));             // consume(x);
            assertThat(f.code()).isEqualTo("E0382");
            assertThat(f.getMessage()).isEqualTo("error[E0382]: use of moved value: `x`");
        }
    }

    @Test
    void readingOrBorrowingAMovedValueIsE0382BorrowOfMovedValue() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let x = Box::new(Node::default());
            m.drop(x);                                          // drop(x);
            assertThat(fault(() -> m.read(x, 0)).getMessage()).isEqualTo("error[E0382]: borrow of moved value: `x`"); // x.value
            assertThat(fault(() -> m.borrow(x)).getMessage()).isEqualTo("error[E0382]: borrow of moved value: `x`");  // &x
            assertThat(fault(() -> m.cloneDeep(x)).getMessage()).isEqualTo("error[E0382]: borrow of moved value: `x`"); // x.clone()
            assertThat(fault(() -> m.write(x, 0, 1)).getMessage()).isEqualTo("error[E0382]: assign to part of moved value: `x`"); // x.value = 1
        }
    }

    @Test
    void usingTheValueAMoveReturnedIsLegal() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let x = Box::new(Node::default());
            int y;
            try (Scope pass = m.scope()) { y = m.ret(m.move(x)); } // let y = pass(x);
            int yy = y;
            assertThatCode(() -> m.write(yy, 0, 5)).doesNotThrowAnyException(); // y.value = 5;
            assertThat(m.read(y, 0)).isEqualTo(5);
        }
    }

    // ---- E0505 ----

    @Test
    void droppingAValueWhileItIsBorrowedIsE0505() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let x = Box::new(Node::default());
            int r = m.borrow(x);                                // let r = &x;
            MemoryFault f = fault(() -> m.drop(x));             // drop(x);
            assertThat(f.code()).isEqualTo("E0505");
            assertThat(f.getMessage()).isEqualTo("error[E0505]: cannot move out of `x` because it is borrowed");
            m.read(r, 0);                                       // println!("{}", r.value);
        }
    }

    @Test
    void movingAValueIntoACallWhileABorrowOfAChildLivesIsE0505() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let x = Box::new(Node::default());
            int child = m.borrow(x, 0);                         // let child = &x.next;
            try (Scope consume = m.scope()) {
                assertThat(fault(() -> m.move(x)).code()).isEqualTo("E0505"); // consume(x);
            }
            assertThat(m.isNull(child)).isTrue();
        }
    }

    @Test
    void droppingAValueAfterTheBorrowsLastUseIsLegal() {
        int id;
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let x = Box::new(Node::default());
            id = m.id(x);
            int r = m.borrow(x);                                // let r = &x;
            m.read(r, 0);                                       // println!("{}", r.value);
            m.drop(r);                                          // (r's last use: its borrow ends)
            steps.at("drop(x);");
            m.drop(x);                                          // drop(x);
            steps.at("}");
        }
        assertThat(steps.freedAt(id)).isEqualTo("drop(x);");
    }

    // ---- E0499 ----

    @Test
    void twoMutableBorrowsAtOnceAreE0499() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let mut x = Box::new(Node::default());
            m.borrowMut(x);                                     // let a = &mut x;
            MemoryFault f = fault(() -> m.borrowMut(x));        // let b = &mut x;
            assertThat(f.code()).isEqualTo("E0499");
            assertThat(f.getMessage()).isEqualTo("error[E0499]: cannot borrow `x` as mutable more than once at a time");
        }
    }

    @Test
    void mutableBorrowsOneAfterTheOtherAreLegal() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let mut x = Box::new(Node::default());
            try (Scope first = m.scope()) {                     // {
                m.write(m.borrowMut(x), 0, 1);                  //   let a = &mut x; a.value = 1;
            }                                                   // }
            int b = m.borrowMut(x);                             // let b = &mut x;
            m.write(b, 0, 2);                                   // b.value = 2;
            m.drop(b);                                          // (b's last use)
            int c = m.borrowMut(x);                             // let c = &mut x;
            assertThat(m.read(m.borrow(c), 0)).isEqualTo(2);    // let d = &*c; (a reborrow through c)
        }
    }

    // ---- E0502 ----

    @Test
    void aMutableBorrowWhileASharedOneLivesIsE0502() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let mut x = Box::new(Node::default());
            m.borrow(x);                                        // let r = &x;
            MemoryFault f = fault(() -> m.borrowMut(x));        // let w = &mut x;
            assertThat(f.code()).isEqualTo("E0502");
            assertThat(f.getMessage())
                    .isEqualTo("error[E0502]: cannot borrow `x` as mutable because it is also borrowed as immutable");
        }
    }

    @Test
    void aSharedBorrowWhileAMutableOneLivesIsE0502() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let mut x = Box::new(Node::default());
            m.borrowMut(x);                                     // let w = &mut x;
            MemoryFault f = fault(() -> m.borrow(x, 0));        // let r = &x.next;
            assertThat(f.code()).isEqualTo("E0502");
            assertThat(f.getMessage())
                    .isEqualTo("error[E0502]: cannot borrow `x` as immutable because it is also borrowed as mutable");
        }
    }

    @Test
    void manySharedBorrowsAndAMutableOneAfterThemAreLegal() {
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let mut x = Box::new(Node::default());
            try (Scope readers = m.scope()) {                   // {
                m.borrow(x);                                    //   let r1 = &x;
                m.borrow(x);                                    //   let r2 = &x;
                m.cloneDeep(x);                                 //   let c = x.clone();
            }                                                   // }
            assertThatCode(() -> m.write(m.borrowMut(x), 0, 3)).doesNotThrowAnyException(); // let w = &mut x; w.value = 3;
        }
    }

    // ---- E0597 ----

    @Test
    void aBorrowReturnedOutOfItsVariablesScopeIsE0597AtThatScopesEnd() {
        int[] x = new int[1];
        MemoryFault f = fault(() -> {                           // let r;
            try (Scope block = m.scope()) {                     // {
                x[0] = let("x");                                //   let x = Box::new(Node::default());
                m.ret(m.borrow(x[0]));                          //   r = &x;
            }                                                   // } // x dropped here while still borrowed
        });
        assertThat(f.code()).isEqualTo("E0597");
        assertThat(f.getMessage()).isEqualTo("error[E0597]: `x` does not live long enough");
        assertThat(m.objectsFreed()).as("raised before x is dropped").isZero();
    }

    @Test
    void aBorrowReturnedOutOfAnInnerScopeOfItsVariableIsLegal() {
        int id;
        try (Scope main = m.scope()) {
            int x = let("x");                                   // let x = Box::new(Node::default());
            id = m.id(x);
            int r;                                              // let r;
            try (Scope block = m.scope()) {                     // {
                r = m.ret(m.borrow(x));                         //   r = &x;
            }                                                   // }
            assertThat(m.read(r, 0)).isZero();                  // println!("{}", r.value);
            steps.at("} // end of main");
        }
        assertThat(steps.freedAt(id)).isEqualTo("} // end of main");
    }

    // ---- E0507 ----

    @Test
    void movingABorrowIntoAnOwningSlotIsE0507AndIntoAWeakSlotIsLegal() {
        try (Scope main = m.scope()) {
            int parent = let("parent");                         // let mut parent = Box::new(Node::default());
            int child = let("child");                           // let child = Box::new(Node::default());
            int r = m.borrow(child);                            // let r = &child;
            m.name(r, "r");
            MemoryFault f = fault(() -> m.put(parent, 0, r));   // parent.next = Some(*r);
            assertThat(f.getMessage()).isEqualTo("error[E0507]: cannot move out of `*r` which is behind a reference");
            assertThatCode(() -> m.put(parent, 1, r)).doesNotThrowAnyException(); // parent.back = r as *const Node;
        }
    }
}
