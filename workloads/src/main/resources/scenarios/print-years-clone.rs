fn print_years(years: Vec<i32>) {
    for year in years.iter() {
        println!("{}", year);
    }
    dealloc(years); // C only
}
fn main() {
    let years = vec![2001, 2002, 2003, 2004];
    print_years(years.clone());
    print_years(years);
}
