package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * {@code rc-cycle}: two {@code Rc} nodes pointing at each other. Counting never reaches zero: Rust,
 * reference counting and C's hand-counted release all leak them; a tracing collector frees both,
 * and so does a cycle collector.
 */
public final class RcCycle extends Scenario {
    static final int NEXT = 0, VALUE = 0;
    private static final Listing SRC = new Listing();
    static final int USE_CELL = SRC.line("use std::cell::RefCell;");
    static final int USE_RC = SRC.line("use std::rc::Rc;");
    static final int STRUCT = SRC.line("struct Node { value: i64, next: RefCell<Option<Rc<Node>>> }");
    static final int MAIN = SRC.line("fn main() {");
    static final int LET_A = SRC.line("    let a = Rc::new(Node { value: 1, next: RefCell::new(None) });");
    static final int LET_B = SRC.line("    let b = Rc::new(Node { value: 2, next: RefCell::new(Some(Rc::clone(&a))) });");
    static final int LINK = SRC.line("    *a.next.borrow_mut() = Some(Rc::clone(&b));");
    static final int PRINT = SRC.line("    println!(\"{}\", a.value + b.value);");
    static final int RELEASE_B = SRC.cOnly("    rc_release(b);");
    static final int RELEASE_A = SRC.cOnly("    rc_release(a);");
    static final int END_MAIN = SRC.line("}");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "rc-cycle"; }

    @Override public String description() { return "two Rc nodes in a cycle: leaked by counting, freed by tracing"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override
    public long play(Mutator m, Steps s) {
        int node = m.shapes().define("Node", 1, SlotKind.SHARED);
        try (Scope main = m.scope()) {
            s.at(MAIN);
            s.at(LET_A);
            int a = m.allocShared(node, 0);
            m.write(a, VALUE, 1);
            m.name(a, "a");
            s.at(LET_B);
            int b = m.allocShared(node, 0);
            m.write(b, VALUE, 2);
            m.name(b, "b");
            m.put(b, NEXT, m.share(a));
            s.at(LINK);
            m.put(a, NEXT, m.share(b));
            s.at(PRINT);
            long printed = m.read(a, VALUE) + m.read(b, VALUE);
            s.at(RELEASE_B);
            m.free(b);
            s.at(RELEASE_A);
            m.free(a);
            s.at(END_MAIN);
            return printed;
        }
    }
}
