package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;

/**
 * {@code double-free}: {@code orders} released twice. C's allocator catches the second free;
 * Rust rejects it (E0382: the first {@code drop} moved the value); a managed language's second
 * "drop" only clears a variable that is already null.
 */
public final class DoubleFree extends Scenario {
    private static final Listing SRC = new Listing();
    static final int FINISH = SRC.line("fn finish(total: i64) -> i64 { total }");
    static final int FN = SRC.line("fn get_final_orders() -> i64 {");
    static final int LET_ORDERS = SRC.line("    let orders = vec![1, 2, 3, 4];");
    static final int LET_TOTAL = SRC.line("    let mut total_orders = 0;");
    static final int FOR = SRC.line("    for order in orders.iter() {");
    static final int ADD = SRC.line("        total_orders += order;");
    static final int END_FOR = SRC.line("    }");
    static final int DROP_1 = SRC.line("    drop(orders);");
    static final int FINAL = SRC.line("    let final_orders = finish(total_orders);");
    static final int DROP_2 = SRC.line("    drop(orders);");
    static final int RETURN = SRC.line("    return final_orders;");
    static final int END_FN = SRC.line("}");
    static final int MAIN = SRC.line("fn main() { println!(\"{}\", get_final_orders()); }");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "double-free"; }

    @Override public String description() { return "a Vec released twice: caught by C's allocator and by Rust's compiler"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override public boolean validRust() { return false; }

    @Override
    public long play(Mutator m, Steps s) {
        try (Scope main = m.scope()) {
            s.at(MAIN);
            try (Scope fn = m.scope()) {
                s.at(FN);
                s.at(LET_ORDERS);
                int orders = vec(m, "Vec<i64>", "orders", 1, 2, 3, 4);
                s.at(LET_TOTAL);
                long total = sum(m, s, FOR, ADD, orders, "orders");
                s.at(DROP_1);
                m.drop(orders);
                s.at(FINAL);
                long finalOrders = total;
                s.at(DROP_2);
                m.drop(orders);
                s.at(RETURN);
                s.at(END_FN);
                return finalOrders;
            }
        }
    }
}
