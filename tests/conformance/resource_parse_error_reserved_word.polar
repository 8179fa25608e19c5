# polar fmt: off (a parse-error case: the text must stay as it is)
# A reserved word where the relation keyword goes: ParseError::ReservedWord
# "in is a reserved Polar word and cannot be used here".

resource Organization {
  roles = ["member", "owner"];
  relations = {parent: Organization};
  "member" if "owner" in "parent";
}

#!load ParseError::ReservedWord 8:23
