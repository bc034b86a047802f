package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;

/**
 * {@code context-moved}: the zeromq example. {@code context} is moved into {@code context2}, which
 * dies at the inner brace; Rust then rejects {@code use_context(&context)} (E0382). In C the
 * programmer destroys the context there and the later use reads freed memory.
 */
public final class ContextMoved extends Scenario {
    private static final Listing SRC = new Listing();
    static final int STRUCT = SRC.line("struct Context { sockets: i64 }");
    static final int NEW = SRC.line("fn zmq_ctx_new() -> Box<Context> { Box::new(Context { sockets: 1 }) }");
    static final int USE_FN = SRC.line("fn use_context(context: &Context) -> i64 { context.sockets }");
    static final int MAIN = SRC.line("fn main() {");
    static final int LET_CONTEXT = SRC.line("    let context: Box<Context> = zmq_ctx_new();");
    static final int OPEN = SRC.line("    {");
    static final int LET_CONTEXT2 = SRC.line("        let context2: Box<Context> = context;");
    static final int DESTROY = SRC.cOnly("        zmq_ctx_destroy(context2);");
    static final int CLOSE = SRC.line("    }");
    static final int USE = SRC.line("    use_context(&context);");
    static final int END_MAIN = SRC.line("}");
    private static final List<Listing.Line> LINES = SRC.lines();

    @Override public String name() { return "context-moved"; }

    @Override public String description() { return "zeromq's context moved into an inner scope, then used: E0382 in Rust, use after free in C"; }

    @Override public List<Listing.Line> lines() { return LINES; }

    @Override public boolean validRust() { return false; }

    @Override
    public long play(Mutator m, Steps s) {
        int shape = m.shapes().define("Context", 1);
        try (Scope main = m.scope()) {
            s.at(MAIN);
            s.at(LET_CONTEXT);
            int context = m.alloc(shape, 0);
            m.write(context, 0, 1);
            m.name(context, "context");
            s.at(OPEN);
            try (Scope block = m.scope()) {
                s.at(LET_CONTEXT2);
                int context2 = m.move(context);
                m.name(context2, "context2");
                s.at(DESTROY);
                m.free(context2);
                s.at(CLOSE);
            }
            s.at(USE);
            long sockets;
            try (Scope call = m.scope()) {
                int borrowed = m.borrow(context);
                m.name(borrowed, "context");
                sockets = m.read(borrowed, 0);
            }
            s.at(END_MAIN);
            return sockets;
        }
    }
}
