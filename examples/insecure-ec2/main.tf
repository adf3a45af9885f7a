provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # No iam_instance_profile: the user data below "fixes" that with static keys.
  user_data = <<-EOF
    #!/bin/bash
    aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE
    aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
    aws s3 sync s3://example-artifacts/site /var/www/html
  EOF

  metadata_options {
    http_tokens = "optional"
  }
}
