# A block without `actor` or `resource`: ValidationError::ResourceBlock
# "Expected 'actor' or 'resource' but found nothing.", at the class name.

Organization {}

#!load ValidationError::ResourceBlock 4:1
