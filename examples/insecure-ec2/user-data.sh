#!/bin/bash
# Bootstraps the web tier. "Temporary" keys so the app can reach S3 until we sort out roles.
set -euo pipefail
yum update -y
yum install -y awscli jq

aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE
aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws configure set default.region eu-west-1

# Which role are we? (IMDSv1: any SSRF on this box can read this too)
ROLE=$(curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/)

aws s3 cp s3://example-artifacts/web.tar.gz /opt/web.tar.gz
