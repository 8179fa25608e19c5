# A reserved word where the relation keyword goes: ParseError::ReservedWord
# "in is a reserved Polar word and cannot be used here".

resource Organization {
  roles = ["member", "owner"];
  relations = {parent: Organization};
  "member" if "owner" in "parent";
}

#!load ParseError::ReservedWord 7:23
