fn finish(total: i64) -> i64 { total }
fn get_final_orders() -> i64 {
    let orders = vec![1, 2, 3, 4];
    let mut total_orders = 0;
    for order in orders.iter() {
        total_orders += order;
    }
    let final_orders = finish(total_orders);
    dealloc(orders); // C only
    return final_orders;
}
fn main() { println!("{}", get_final_orders()); }
