struct Context { sockets: i64 }
fn zmq_ctx_new() -> Box<Context> { Box::new(Context { sockets: 1 }) }
fn use_context(context: &Context) -> i64 { context.sockets }
fn main() {
    let context: Box<Context> = zmq_ctx_new();
    {
        let context2: Box<Context> = context;
        zmq_ctx_destroy(context2); // C only
    }
    use_context(&context);
}
