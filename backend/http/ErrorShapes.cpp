// SPDX-License-Identifier: MIT
#include "http/ErrorShapes.h"

#include "http/HttpRequest.h"

void ErrorShapes::send(const HttpRequest &request, HttpResponder &out, const ApiError &error) const
{
    const auto writer = m_writers.constFind(request.path);
    if (writer != m_writers.cend())
        return (*writer)(out, error);
    sendApiError(out, error);
}
