# polar fmt: off (a parse-error case: the text must stay as it is)
# Roles and permissions are lists of string literals:
# ParseError::UnrecognizedToken "did not expect to find the token '1'".

resource Organization {
  roles = ["owner", 1];
}

#!load ParseError::UnrecognizedToken 6:21
