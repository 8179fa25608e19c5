owner(doc) if doc.owner = "ada";
deep({a: {b: [1, 2]}}, v) if v = 1;
?- owner({owner: "ada", tags: ["x"]}) and d = {x: 1, y: nil} and d.x = 1
