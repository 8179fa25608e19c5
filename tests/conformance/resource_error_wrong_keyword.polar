# A block keyword other than `actor` or `resource`: ValidationError::ResourceBlock
# "Expected 'actor' or 'resource' but found 'seahorse'.", at the keyword.

seahorse Organization {}

#!load ValidationError::ResourceBlock 4:1
