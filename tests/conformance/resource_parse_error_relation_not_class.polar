# polar fmt: off (a parse-error case: the text must stay as it is)
# Relations map names to class names, not strings or patterns:
# ParseError::UnrecognizedToken "did not expect to find the token 'Organization'".

resource Repository {
  relations = {parent: "Organization"};
}

#!load ParseError::UnrecognizedToken 6:24
