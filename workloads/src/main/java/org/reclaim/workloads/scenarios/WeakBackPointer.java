package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * {@code weak-back-pointer}: the Rust book's tree node with a {@code Weak} parent. The back pointer
 * does not count, so both nodes are freed at {@code main}'s brace; tracing collectors follow it as
 * a plain reference and free both too.
 */
public final class WeakBackPointer extends Scenario {
    static final int PARENT = 0, CHILD = 1, VALUE = 0;
    private static final Listing SRC = new Listing();
    static final int USE_CELL = SRC.line("use std::cell::RefCell;");
    static final int USE_RC = SRC.line("use std::rc::{Rc, Weak};");
    static final int STRUCT = SRC.line("struct Node { value: i64, parent: RefCell<Weak<Node>>, child: RefCell<Option<Rc<Node>>> }");
    static final int MAIN = SRC.line("fn main() {");
    static final int LET_LEAF = SRC.line("    let leaf = Rc::new(Node { value: 3, parent: RefCell::new(Weak::new()), child: RefCell::new(None) });");
    static final int LET_BRANCH = SRC.line("    let branch = Rc::new(Node { value: 5, parent: RefCell::new(Weak::new()), child: RefCell::new(None) });");
    static final int ADOPT = SRC.line("    *branch.child.borrow_mut() = Some(Rc::clone(&leaf));");
    static final int BACK = SRC.line("    *leaf.parent.borrow_mut() = Rc::downgrade(&branch);");
    static final int UPGRADE = SRC.line("    let parent = leaf.parent.borrow().upgrade();");
    static final int PRINT = SRC.line("    println!(\"{}\", parent.as_ref().map_or(0, |p| p.value));");
    static final int RELEASE_PARENT = SRC.cOnly("    rc_release(parent);");
    static final int RELEASE_BRANCH = SRC.cOnly("    rc_release(branch);");
    static final int RELEASE_LEAF = SRC.cOnly("    rc_release(leaf);");
    static final int END_MAIN = SRC.line("}");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "weak-back-pointer"; }

    @Override public String description() { return "a child with a Weak back pointer to its parent: no cycle of counts, nothing leaks"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override
    public long play(Mutator m, Steps s) {
        int node = m.shapes().define("Node", 1, SlotKind.WEAK, SlotKind.SHARED);
        try (Scope main = m.scope()) {
            s.at(MAIN);
            s.at(LET_LEAF);
            int leaf = m.allocShared(node, 0);
            m.write(leaf, VALUE, 3);
            m.name(leaf, "leaf");
            s.at(LET_BRANCH);
            int branch = m.allocShared(node, 0);
            m.write(branch, VALUE, 5);
            m.name(branch, "branch");
            s.at(ADOPT);
            m.put(branch, CHILD, m.share(leaf));
            s.at(BACK);
            m.put(leaf, PARENT, m.downgrade(branch));
            s.at(UPGRADE);
            int parent = m.upgrade(m.borrow(leaf, PARENT));
            m.name(parent, "parent");
            s.at(PRINT);
            long printed = m.isNull(parent) ? 0 : m.read(parent, VALUE);
            s.at(RELEASE_PARENT);
            m.free(parent);
            s.at(RELEASE_BRANCH);
            m.free(branch);
            s.at(RELEASE_LEAF);
            m.free(leaf);
            s.at(END_MAIN);
            return printed;
        }
    }
}
