# polar fmt: off (a parse-error case: the text must stay as it is)
# One relation per shorthand rule: ParseError::UnrecognizedToken
# "did not expect to find the token 'on'".

resource Organization {
  roles = ["member", "owner"];
  relations = {parent: Organization};
  "member" if "owner" on "parent" on "parent";
}

#!load ParseError::UnrecognizedToken 8:35
