package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;

/**
 * {@code use-after-free}: {@code orders} released before the loop that reads it. In C the next
 * allocation of the same size takes the freed block, so the loop reads {@code prices}' numbers (the
 * seeds' "random non-relevant numbers"); a sanitizer reports the read; Rust rejects it (E0382); a
 * managed language meets a null reference.
 */
public final class UseAfterFree extends Scenario {
    private static final Listing SRC = new Listing();
    static final int FINISH = SRC.line("fn finish(total: i64) -> i64 { total }");
    static final int FN = SRC.line("fn get_final_orders() -> i64 {");
    static final int LET_ORDERS = SRC.line("    let orders = vec![1, 2, 3, 4];");
    static final int LET_TOTAL = SRC.line("    let mut total_orders = 0;");
    static final int DROP = SRC.line("    drop(orders);");
    static final int LET_PRICES = SRC.line("    let prices = vec![7, 8, 9, 10];");
    static final int FOR = SRC.line("    for order in orders.iter() {");
    static final int ADD = SRC.line("        total_orders += order;");
    static final int END_FOR = SRC.line("    }");
    static final int FINAL = SRC.line("    let final_orders = finish(total_orders);");
    static final int DEALLOC = SRC.cOnly("    dealloc(prices);");
    static final int RETURN = SRC.line("    return final_orders;");
    static final int END_FN = SRC.line("}");
    static final int MAIN = SRC.line("fn main() { println!(\"{}\", get_final_orders()); }");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "use-after-free"; }

    @Override public String description() { return "a Vec read after it was released: C reads another object's numbers"; }

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
                s.at(DROP);
                m.drop(orders);
                s.at(LET_PRICES);
                int prices = vec(m, "Vec<i64>", "prices", 7, 8, 9, 10);
                long total = sum(m, s, FOR, ADD, orders, "orders");
                s.at(FINAL);
                long finalOrders = total;
                s.at(DEALLOC);
                m.free(prices);
                s.at(RETURN);
                s.at(END_FN);
                return finalOrders;
            }
        }
    }
}
