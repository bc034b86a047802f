fn get_years() -> Vec<i32> {
    let years = vec![2001, 2002, 2003, 2004];
    return years;
}
fn main() {
    let years = get_years();
    println!("{:?}", years);
    dealloc(years); // C only
}
