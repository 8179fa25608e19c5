kind(_x: Integer, "int");
kind(_x: Float, "float");
kind(_x: String, "string");
kind(_x: List, "list");
kind(_x: Dictionary, "dict");
shape(_: {kind: "circle"}, "round");
?- kind(1, a) and kind(1.5, b) and x = 3 and x matches Integer and shape({kind: "circle", r: 2}, s)
