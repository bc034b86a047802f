use std::cell::RefCell;
use std::rc::{Rc, Weak};
struct Node { value: i64, parent: RefCell<Weak<Node>>, child: RefCell<Option<Rc<Node>>> }
fn main() {
    let leaf = Rc::new(Node { value: 3, parent: RefCell::new(Weak::new()), child: RefCell::new(None) });
    let branch = Rc::new(Node { value: 5, parent: RefCell::new(Weak::new()), child: RefCell::new(None) });
    *branch.child.borrow_mut() = Some(Rc::clone(&leaf));
    *leaf.parent.borrow_mut() = Rc::downgrade(&branch);
    let parent = leaf.parent.borrow().upgrade();
    println!("{}", parent.is_some());
    rc_release(parent); // C only
    rc_release(branch); // C only
    rc_release(leaf); // C only
}
