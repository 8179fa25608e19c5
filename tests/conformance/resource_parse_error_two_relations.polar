# One relation per shorthand rule: ParseError::UnrecognizedToken
# "did not expect to find the token 'on'".

resource Organization {
  roles = ["member", "owner"];
  relations = {parent: Organization};
  "member" if "owner" on "parent" on "parent";
}

#!load ParseError::UnrecognizedToken 7:35
