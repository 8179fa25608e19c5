# Paired with catch_host_classes.cpp, which registers Pet, Cat and Owner.

# Specializer order follows the class hierarchy: Cat rules before Pet rules.
sound(_c: Cat, "meow");
sound(_p: Pet, "...");

# Attributes, methods of every arity, class methods, constructors.
describe(p: Pet, d) if d = p.name;
older(p: Pet, years) if p.age > years;
total(p: Pet, t) if
    t =
        p.sum0() + p.sum1(1) + p.sum2(1, 2) + p.sum3(1, 2, 3) +
            p.sum4(1, 2, 3, 4);
adopt(name, c) if c = new Cat(name, 2);
max_age(m) if m = Pet.maxAge();

# Iterators: `in` pulls lazily from the host.
likes(p: Pet, toy) if toy in p.toys();

# A host object in a field pattern.
owned_by(_p: Pet{owner: o}, name) if o.name = name;
