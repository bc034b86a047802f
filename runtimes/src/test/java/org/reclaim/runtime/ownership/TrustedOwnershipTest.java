package org.reclaim.runtime.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.Probe;

/**
 * Trusted mode makes no checks: the programs {@link BorrowCheckerTest} rejects run through, with
 * only the drops a compiled program would make.
 */
class TrustedOwnershipTest {
    private Ownership m;
    private int box;

    @BeforeEach
    void setUp() {
        m = new Ownership(1 << 20, Probe.OFF);
        box = m.shapes().define("Node", 1, SlotKind.OWNED);
    }

    @Test
    void conflictingBorrowsAreNotChecked() {
        assertThatCode(() -> {
            try (Scope main = m.scope()) {
                int x = m.alloc(box, 0);                        // let mut x = Box::new(Node::default());
                m.borrow(x);                                    // let r = &x;
                m.borrowMut(x);                                 // let a = &mut x;   (E0502 when checked)
                m.borrowMut(x);                                 // let b = &mut x;   (E0499 when checked)
            }
        }).doesNotThrowAnyException();
        assertThat(m.objectsFreed()).isEqualTo(1);
    }

    @Test
    void aMoveWhileBorrowedIsNotCheckedAndTheBorrowDangles() {
        int x;
        try (Scope main = m.scope()) {
            x = m.alloc(box, 0);                                // let x = Box::new(Node::default());
            m.write(x, 0, 9);
            int r = m.borrow(x);                                // let r = &x;
            m.drop(x);                                          // drop(x);          (E0505 when checked)
            assertThat(m.read(r, 0)).isEqualTo(9);              // r.value: reads the freed block
        }
        assertThat(m.objectsFreed()).isEqualTo(1);
    }

    @Test
    void aBorrowOutlivingItsVariableIsNotChecked() {
        try (Scope main = m.scope()) {
            int r;
            try (Scope block = m.scope()) {
                int x = m.alloc(box, 0);                        // let x = Box::new(Node::default());
                r = m.ret(m.borrow(x));                         // r = &x; }         (E0597 when checked)
            }
            assertThat(m.objectsFreed()).isEqualTo(1);
            assertThat(m.isNull(r)).isFalse();                  // r dangles
        }
    }
}
