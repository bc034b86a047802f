fn main() {
    let a = Box::new(1);
    let x;
    let mut z = Box::new(3);
    x = Box::new(2);
    z = Box::new(4);
    let w = Box::new(5);
    println!("{} {} {} {}", a, x, z, w);
}
