package org.reclaim.workloads.rust;

import java.util.List;

/**
 * The syntax tree of the Rust subset. Every node keeps the line and column where it starts, so the
 * checker and the interpreter can attribute what they find to a source line.
 */
public final class Ast {
    private Ast() {}

    /** Where a node starts. */
    public record Pos(int line, int column) {}

    /** A whole file: its structs and functions, in source order. */
    public record Program(List<Struct> structs, List<Fn> fns) {
        public Fn fn(String name) {
            return fns.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }

        public Struct struct(String name) {
            return structs.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** {@code struct Name { field: Type, .. }}. */
    public record Struct(String name, List<Field> fields, Pos pos) {
        public int indexOf(String field) {
            for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(field)) return i;
            return -1;
        }
    }

    public record Field(String name, Type type, Pos pos) {}

    /** A type as written: {@code i64}, {@code Box<Node>}, {@code &mut Vec<i64>}, {@code Option<Rc<Node>>}. */
    public record Type(String name, List<Type> args, boolean ref, boolean mut) {
        /** True if a value of this type is copied, not moved (integers, bool, shared references). */
        public boolean copy() {
            if (ref) return !mut;
            return switch (name) {
                case "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "bool", "()" -> true;
                default -> false;
            };
        }

        @Override public String toString() {
            String base = args.isEmpty() ? name
                    : name + "<" + String.join(", ", args.stream().map(Type::toString).toList()) + ">";
            return ref ? (mut ? "&mut " : "&") + base : base;
        }
    }

    public record Param(String name, Type type, Pos pos) {}

    /** {@code fn name(params) -> ret { body }}; {@code ret} is null for none. */
    public record Fn(String name, List<Param> params, Type ret, Block body, Pos pos) {}

    /** {@code { stmts; tail }}: {@code tail} is the value of the block, or null; {@code close} is where its '}' is. */
    public record Block(List<Stmt> stmts, Expr tail, Pos pos, Pos close) {}

    // ---- statements ----

    public sealed interface Stmt {
        Pos pos();
    }

    /** {@code let [mut] name [: type] [= init];} */
    public record Let(String name, boolean mut, Type type, Expr init, Pos pos, boolean cOnly) implements Stmt {}

    /** An expression statement; {@code cOnly} for a line marked {@code // C only}. */
    public record ExprStmt(Expr expr, Pos pos, boolean cOnly) implements Stmt {}

    // ---- expressions ----

    public sealed interface Expr {
        Pos pos();
    }

    public record IntLit(long value, Pos pos) implements Expr {}

    public record StrLit(String value, Pos pos) implements Expr {}

    public record BoolLit(boolean value, Pos pos) implements Expr {}

    /** A variable. */
    public record Var(String name, Pos pos) implements Expr {}

    /** {@code a op b}: arithmetic or comparison. */
    public record Binary(String op, Expr left, Expr right, Pos pos) implements Expr {}

    /** {@code -e}, {@code !e}. */
    public record Unary(String op, Expr operand, Pos pos) implements Expr {}

    /** {@code &e} or {@code &mut e}. */
    public record Borrow(Expr target, boolean mut, Pos pos) implements Expr {}

    /** {@code *e}. */
    public record Deref(Expr target, Pos pos) implements Expr {}

    /** {@code target = value} or {@code target op= value}; {@code op} is "=" or "+=" and so on. */
    public record Assign(Expr target, String op, Expr value, Pos pos) implements Expr {}

    /**
     * A call of a function or of a path: {@code f(a)}, {@code Box::new(a)}, {@code Rc::clone(&a)},
     * {@code Some(a)}, {@code drop(a)}.
     */
    public record Call(String callee, List<Expr> args, Pos pos) implements Expr {}

    /** {@code receiver.name(args)}. */
    public record Method(Expr receiver, String name, List<Expr> args, Pos pos) implements Expr {}

    /** {@code target.name}. */
    public record FieldAccess(Expr target, String name, Pos pos) implements Expr {}

    /** {@code Name { field: value, .. }}, fields in the order written. */
    public record StructLit(String name, List<String> fields, List<Expr> values, Pos pos) implements Expr {}

    /** {@code vec![a, b, ..]}. */
    public record VecLit(List<Expr> elements, Pos pos) implements Expr {}

    /** {@code println!("..", args)}: the arguments are borrowed (a use). */
    public record Print(List<Expr> args, Pos pos) implements Expr {}

    /** {@code None}. */
    public record NoneLit(Pos pos) implements Expr {}

    public record If(Expr cond, Block then, Block otherwise, Pos pos) implements Expr {}

    public record While(Expr cond, Block body, Pos pos) implements Expr {}

    public record Loop(Block body, Pos pos) implements Expr {}

    /** {@code for var in from..to { }} or {@code for var in v.iter()} / {@code &v}: {@code iterated} is the Vec or null. */
    public record For(String var, Expr from, Expr to, boolean inclusive, Expr iterated, Block body, Pos pos) implements Expr {}

    public record BlockExpr(Block block, Pos pos) implements Expr {}

    public record Return(Expr value, Pos pos) implements Expr {}

    public record Break(Pos pos) implements Expr {}
}
