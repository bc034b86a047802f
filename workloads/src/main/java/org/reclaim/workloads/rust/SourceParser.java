package org.reclaim.workloads.rust;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.reclaim.workloads.rust.Ast.*;
import org.reclaim.workloads.rust.RustSubsetParser.*;

/**
 * The Rust subset's front end: the parser ANTLR generates from {@code RustSubset.g4}, and a visitor
 * of its parse tree that builds the {@link Ast}. A syntax error, or a construct outside the subset,
 * is one {@link RustSyntaxError} at the first place it is found, naming what was expected or what
 * the construct is.
 */
public final class SourceParser extends RustSubsetBaseVisitor<Expr> {
    private static final String C_ONLY = "C only";
    private static final String OUTSIDE = " is outside the Rust subset the lab reads";

    private final String file;
    /** The lines whose comment is {@code // C only}. */
    private final Set<Integer> cOnlyLines = new TreeSet<>();

    private SourceParser(String file) { this.file = file; }

    /** Parses {@code source}, naming {@code file} in errors. */
    public static Program parse(String file, String source) {
        SourceParser builder = new SourceParser(file);
        RustSubsetLexer lexer = new RustSubsetLexer(CharStreams.fromString(source, file));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        // as rustc does, a token the subset cannot have is reported before any syntax error
        for (Token t : tokens.getTokens()) builder.lexical(t);
        RustSubsetParser parser = new RustSubsetParser(tokens);
        parser.file = file;
        parser.setInterpreter(new ErrorsWhereTheInputStops(parser));
        parser.removeErrorListeners();
        parser.addErrorListener(builder.new FirstErrorStops());
        return builder.program(parser.program());
    }

    private void lexical(Token t) {
        String what = switch (t.getType()) {
            case RustSubsetLexer.FLOAT -> "a floating-point literal (the subset has integers only)";
            case RustSubsetLexer.UNTERMINATED_STRING -> "an unterminated string literal";
            case RustSubsetLexer.BLOCK_COMMENT -> "a block comment /* */ (use // comments)";
            case RustSubsetLexer.UNKNOWN_CHARACTER -> "the character '" + t.getText() + "'";
            case RustSubsetLexer.LINE_COMMENT -> {
                if (t.getText().substring(2).strip().equals(C_ONLY)) cOnlyLines.add(t.getLine());
                yield null;
            }
            default -> null;
        };
        if (what != null) throw error(t, what + OUTSIDE);
    }

    // ---- items ----

    private Program program(ProgramContext ctx) {
        List<Struct> structs = new ArrayList<>();
        List<Fn> fns = new ArrayList<>();
        for (ItemContext item : ctx.item()) {
            if (item.structDecl() != null) structs.add(struct(item.structDecl()));
            else if (item.fnDecl() != null) fns.add(fn(item.fnDecl()));
        }
        if (fns.stream().noneMatch(f -> f.name().equals("main"))) throw new RustSyntaxError(file, 1, 1, "no fn main()");
        return new Program(structs, fns);
    }

    private Struct struct(StructDeclContext ctx) {
        List<Field> fields = new ArrayList<>();
        for (FieldContext f : ctx.field()) fields.add(new Field(f.name.getText(), type(f.type()), pos(f.name)));
        return new Struct(ctx.name.getText(), fields, pos(ctx.start));
    }

    private Fn fn(FnDeclContext ctx) {
        List<Param> params = new ArrayList<>();
        for (ParamContext p : ctx.param()) params.add(new Param(p.name.getText(), type(p.type()), pos(p.start)));
        return new Fn(ctx.name.getText(), params, ctx.ret == null ? null : type(ctx.ret), block(ctx.block()), pos(ctx.start));
    }

    private static Type type(TypeContext ctx) {
        switch (ctx.start.getText()) {
            case "&" -> {
                Type inner = type(ctx.type(0));
                return new Type(inner.name(), inner.args(), true, ctx.MUT() != null);
            }
            case "(" -> { return new Type("()", List.of(), false, false); }
            default -> {
                // a path names its type by its last segment: std::rc::Rc is Rc
                List<Type> args = ctx.type().stream().map(SourceParser::type).toList();
                return new Type(ctx.IDENT().getLast().getText(), args, false, false);
            }
        }
    }

    // ---- blocks and statements ----

    private Block block(BlockContext ctx) {
        List<Stmt> stmts = new ArrayList<>();
        Expr tail = null;
        List<StatementContext> all = ctx.statement();
        for (int i = 0; i < all.size(); i++) {
            StatementContext s = all.get(i);
            if (s.letStmt() != null) stmts.add(let(s.letStmt()));
            else if (s.expr() != null) {
                Expr e = visit(s.expr());
                boolean cOnly = cOnlyLines.contains(s.start.getLine());
                boolean last = i == all.size() - 1;
                if (s.getChildCount() == 2 || !last && blockLike(e)) stmts.add(new ExprStmt(e, pos(s.start), cOnly));
                else if (last) tail = e;
                else throw error(all.get(i + 1).start, "expected ';' or '}', found " + describe(all.get(i + 1).start));
            }
        }
        return new Block(stmts, tail, pos(ctx.start), pos(ctx.stop));
    }

    private static boolean blockLike(Expr e) {
        return e instanceof If || e instanceof While || e instanceof Loop || e instanceof For || e instanceof BlockExpr;
    }

    private Let let(LetStmtContext ctx) {
        return new Let(ctx.name.getText(), ctx.MUT() != null, ctx.type() == null ? null : type(ctx.type()),
                ctx.expr() == null ? null : visit(ctx.expr()), pos(ctx.start), cOnlyLines.contains(ctx.start.getLine()));
    }

    // ---- expressions ----

    @Override public Expr visitExpr(ExprContext ctx) {
        Expr left = visit(ctx.rangeExpr());
        if (ctx.assignOp() == null) return left;
        Token op = ctx.assignOp().start;
        if (!(left instanceof Var || left instanceof Deref || left instanceof FieldAccess))
            throw error(op, "assignment to something other than a variable, *reference or field is outside the subset");
        return new Assign(left, op.getText(), visit(ctx.expr()), left.pos());
    }

    @Override public Expr visitRangeExpr(RangeExprContext ctx) { return visit(ctx.orExpr()); }

    @Override public Expr visitOrExpr(OrExprContext ctx) { return binary(ctx.andExpr(), ctx.ops); }

    @Override public Expr visitAndExpr(AndExprContext ctx) { return binary(ctx.comparison(), ctx.ops); }

    @Override public Expr visitComparison(ComparisonContext ctx) { return binary(ctx.additive(), ctx.ops); }

    @Override public Expr visitAdditive(AdditiveContext ctx) { return binary(ctx.multiplicative(), ctx.ops); }

    @Override public Expr visitMultiplicative(MultiplicativeContext ctx) { return binary(ctx.unary(), ctx.ops); }

    /** Operands joined left to right: a - b - c is (a - b) - c. */
    private Expr binary(List<? extends ParserRuleContext> operands, List<Token> ops) {
        Expr e = visit(operands.getFirst());
        for (int i = 0; i < ops.size(); i++) e = new Binary(ops.get(i).getText(), e, visit(operands.get(i + 1)), e.pos());
        return e;
    }

    @Override public Expr visitUnary(UnaryContext ctx) {
        if (ctx.op == null) {
            Expr e = visit(ctx.primary());
            boolean afterField = false;
            for (PostfixContext p : ctx.postfix()) {
                if (p.args() == null) e = new FieldAccess(e, p.name.getText(), pos(p.name));
                else if (afterField && e instanceof FieldAccess f) e = new Method(f.target(), f.name(), args(p.args()), f.pos());
                else throw error(p.start, "calling something that is not a function name" + OUTSIDE);
                afterField = p.args() == null;
            }
            return e;
        }
        Expr operand = visit(ctx.unary());
        return switch (ctx.op.getText()) {
            case "&" -> new Borrow(operand, ctx.MUT() != null, pos(ctx.op));
            case "*" -> new Deref(operand, pos(ctx.op));
            default -> new Unary(ctx.op.getText(), operand, pos(ctx.op));
        };
    }

    private List<Expr> args(ArgsContext ctx) { return exprs(ctx.expr()); }

    private List<Expr> exprs(List<ExprContext> ctx) { return ctx.stream().map(this::visit).toList(); }

    @Override public Expr visitPrimary(PrimaryContext ctx) {
        Token t = ctx.start;
        Pos p = pos(t);
        return switch (t.getType()) {
            case RustSubsetLexer.INT -> integer(t);
            case RustSubsetLexer.STRING -> new StrLit(unquote(t.getText()), p);
            case RustSubsetLexer.TRUE, RustSubsetLexer.FALSE -> new BoolLit(t.getType() == RustSubsetLexer.TRUE, p);
            case RustSubsetLexer.NONE -> new NoneLit(p);
            case RustSubsetLexer.WHILE -> new While(visit(ctx.condition().expr()), block(ctx.block()), p);
            case RustSubsetLexer.LOOP -> new Loop(block(ctx.block()), p);
            case RustSubsetLexer.RETURN -> new Return(ctx.expr().isEmpty() ? null : visit(ctx.expr(0)), p);
            case RustSubsetLexer.BREAK -> new Break(p);
            default -> {
                if (ctx.block() != null) yield new BlockExpr(block(ctx.block()), p);
                if (t.getText().equals("(")) yield parenthesised(ctx);
                yield visit(ctx.getChild(0));                        // if, for, a macro, a path
            }
        };
    }

    private Expr parenthesised(PrimaryContext ctx) {
        if (ctx.expr().isEmpty()) throw error(ctx.start, "the unit value ()" + OUTSIDE);
        if (ctx.expr().size() > 1 || ctx.getChildCount() > 3) throw error((Token) ctx.getChild(2).getPayload(), "a tuple" + OUTSIDE);
        return visit(ctx.expr(0));
    }

    private Expr integer(Token t) {
        String text = t.getText();
        int end = 0;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '_')) end++;
        try {
            return new IntLit(Long.parseLong(text.substring(0, end).replace("_", "")), pos(t));
        } catch (NumberFormatException e) {
            throw error(t, "an integer beyond 64 bits" + OUTSIDE);
        }
    }

    /** A string literal's text without its quotes, each escaped character taken as it is. */
    private static String unquote(String literal) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '\\') c = literal.charAt(++i);
            sb.append(c);
        }
        return sb.toString();
    }

    @Override public Expr visitIfExpr(IfExprContext ctx) {
        Expr cond = visit(ctx.condition().expr());
        Block then = block(ctx.then);
        Block otherwise = null;
        if (ctx.elseIf != null) {
            If nested = (If) visit(ctx.elseIf);
            otherwise = new Block(List.of(), nested, pos(ctx.elseIf.start),
                    nested.otherwise() != null ? nested.otherwise().close() : nested.then().close());
        } else if (ctx.otherwise != null) otherwise = block(ctx.otherwise);
        return new If(cond, then, otherwise, pos(ctx.start));
    }

    @Override public Expr visitForExpr(ForExprContext ctx) {
        String var = ctx.var.getText();
        Expr from = visit(ctx.from);
        if (ctx.range != null)
            return new For(var, from, visit(ctx.to), ctx.range.getText().equals("..="), null, block(ctx.block()), pos(ctx.start));
        return new For(var, null, null, false, iterated(from), block(ctx.block()), pos(ctx.start));
    }

    /** {@code v.iter()} or {@code &v}: the Vec borrowed; anything else is outside the subset. */
    private Expr iterated(Expr e) {
        if (e instanceof Method m && m.name().equals("iter") && m.args().isEmpty()) return new Borrow(m.receiver(), false, m.receiver().pos());
        if (e instanceof Borrow b && !b.mut()) return b;
        throw new RustSyntaxError(file, e.pos().line(), e.pos().column(),
                "a for loop over something other than a range, v.iter() or &v" + OUTSIDE);
    }

    @Override public Expr visitMacroCall(MacroCallContext ctx) {
        Token name = ctx.name;
        boolean square = ctx.open != null;
        switch (name.getText()) {
            case "vec" -> {
                if (!square) throw error(ctx.args().start, "expected '[' after vec!, found '('");
                return new VecLit(exprs(ctx.expr()), pos(name));
            }
            case "println", "print" -> {
                if (square) throw error(ctx.open, "expected '(', found '['");
                List<Expr> a = args(ctx.args());
                if (a.isEmpty() || !(a.getFirst() instanceof StrLit)) throw error(name, "println! needs a format string first");
                return new Print(a.subList(1, a.size()), pos(name));
            }
            default -> throw error(name, "the macro " + name.getText() + "!" + OUTSIDE);
        }
    }

    @Override public Expr visitPath(PathContext ctx) {
        String path = String.join("::", ctx.IDENT().stream().map(Object::toString).toList());
        Pos p = pos(ctx.start);
        if (ctx.args() != null) return new Call(path, args(ctx.args()), p);
        if (ctx.structBody() != null) {
            List<String> fields = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            for (FieldInitContext f : ctx.structBody().fieldInit()) {
                fields.add(f.name.getText());
                values.add(f.expr() != null ? visit(f.expr()) : new Var(f.name.getText(), pos(f.name)));
            }
            return new StructLit(path, fields, values, p);
        }
        if (path.equals("Weak::new")) throw error(ctx.start, "Weak::new without a call" + OUTSIDE);
        if (path.contains("::")) throw error(ctx.start, "the path " + path + OUTSIDE);
        return new Var(path, p);
    }

    // ---- positions and errors ----

    private static Pos pos(Token t) { return new Pos(t.getLine(), t.getCharPositionInLine() + 1); }

    private RustSyntaxError error(Token t, String message) {
        return new RustSyntaxError(file, t.getLine(), t.getCharPositionInLine() + 1, message);
    }

    private static String describe(Token t) {
        return switch (t.getType()) {
            case Token.EOF -> "the end of the file";
            case RustSubsetLexer.STRING -> "a string literal";
            default -> "'" + t.getText() + "'";
        };
    }

    /**
     * Tokens that start only the grammar's "outside the subset" alternatives: never what the
     * subset expects, so an error message does not offer them.
     */
    private static final IntervalSet NEVER_EXPECTED = new IntervalSet(RustSubsetLexer.HASH, RustSubsetLexer.QUESTION, RustSubsetLexer.QUOTE,
            RustSubsetLexer.PIPE, RustSubsetLexer.FAT_ARROW, RustSubsetLexer.AS, RustSubsetLexer.MATCH, RustSubsetLexer.UNSAFE, RustSubsetLexer.MOVE,
            RustSubsetLexer.CONTINUE, RustSubsetLexer.IMPL, RustSubsetLexer.TRAIT, RustSubsetLexer.ENUM, RustSubsetLexer.MOD,
            RustSubsetLexer.STATIC, RustSubsetLexer.CONST, RustSubsetLexer.TYPE, RustSubsetLexer.PUB, RustSubsetLexer.EXTERN,
            RustSubsetLexer.DYN);

    private static final int OR = literal("||");

    /** The tokens that may follow an expression and continue it: operators, '.', '(' and so on. */
    private static final IntervalSet CONTINUATIONS = new IntervalSet();

    static {
        for (String op : List.of(".", "(", "[", "::", "?", "..", "..=", "=", "+=", "-=", "*=", "/=", "%=", "||", "&&",
                "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%"))
            CONTINUATIONS.add(literal(op));
    }

    private static int literal(String text) {
        for (int t = 1; t <= RustSubsetLexer.VOCABULARY.getMaxTokenType(); t++)
            if (("'" + text + "'").equals(RustSubsetLexer.VOCABULARY.getLiteralName(t))) return t;
        throw new IllegalStateException("no token " + text + " in RustSubset.g4");
    }

    /**
     * What the parser expected, in words: "a statement or '}'" inside a block, "an expression" where
     * one may start, else the tokens, without the operators that could have continued an expression.
     */
    private static String expected(IntervalSet set, Recognizer<?, ?> recognizer) {
        if (set.contains(RustSubsetLexer.LET)) return "a statement or '}'";
        if (set.contains(RustSubsetLexer.INT) && set.contains(RustSubsetLexer.STRING)) return "an expression";
        IntervalSet offered = set.subtract(NEVER_EXPECTED);
        if (set.contains(OR)) offered = offered.subtract(CONTINUATIONS);
        List<String> words = new ArrayList<>();
        for (int t : offered.toList())
            words.add(switch (t) {
                case Token.EOF -> "the end of the file";
                case RustSubsetLexer.IDENT -> "a name";
                case RustSubsetLexer.INT -> "an integer";
                case RustSubsetLexer.STRING -> "a string literal";
                default -> recognizer.getVocabulary().getDisplayName(t);
            });
        if (words.size() == 1) return words.getFirst();
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
    }

    /**
     * ANTLR's prediction, but when every alternative fails past the decision's first token it
     * follows the first one still alive there (a loop or an optional part is entered, as a
     * hand-written parser would), not one that left the rule: {@code x.len(;} is then reported at
     * the ';' inside the call ("expected an expression"), not at its '(' as if no call could
     * start there. A failure at the first token keeps ANTLR's choice, which reports it where the
     * enclosing rule expected something else.
     */
    private static final class ErrorsWhereTheInputStops extends ParserATNSimulator {
        private boolean failedPastFirstToken;

        ErrorsWhereTheInputStops(Parser parser) {
            super(parser, parser.getATN(), parser.getInterpreter().decisionToDFA, parser.getInterpreter().getSharedContextCache());
        }

        @Override protected NoViableAltException noViableAlt(TokenStream input, ParserRuleContext outerContext,
                                                             ATNConfigSet configs, int startIndex) {
            failedPastFirstToken = input.index() > startIndex;
            return super.noViableAlt(input, outerContext, configs, startIndex);
        }

        @Override protected int getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(ATNConfigSet configs, ParserRuleContext outerContext) {
            ATNConfigSet valid = splitAccordingToSemanticValidity(configs, outerContext).a;
            if (!failedPastFirstToken || valid.isEmpty()) return super.getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(configs, outerContext);
            return valid.getAlts().nextSetBit(0);
        }
    }

    /**
     * Replaces ANTLR's default listener, which prints to standard error and lets the parser
     * recover: the first syntax error ends the parse as one {@link RustSyntaxError}.
     */
    private final class FirstErrorStops extends BaseErrorListener {
        @Override public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                          String antlrMessage, RecognitionException e) {
            Token found = (Token) offendingSymbol;
            // ALL(*) may look several tokens past where the decision started: its expected set then says nothing of this token
            if (e instanceof NoViableAltException nv && nv.getStartToken().getTokenIndex() != found.getTokenIndex())
                throw error(found, "unexpected " + describe(found));
            IntervalSet set = e != null ? e.getExpectedTokens() : ((RustSubsetParser) recognizer).getExpectedTokens();
            throw error(found, "expected " + expected(set, recognizer) + ", found " + describe(found));
        }
    }
}
